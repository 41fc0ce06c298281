/**
 * The emulated CloudWatch Logs: log groups and streams, PutLogEvents with the service's batch rules,
 * GetLogEvents, FilterLogEvents with the whole filter-pattern language (terms, quoted phrases,
 * exclusions, optional terms, regular expressions, JSON and space-delimited patterns) paged by the
 * service's limits over an index of the JSON fields patterns test, and Logs Insights queries
 * (StartQuery, GetQueryResults, StopQuery) for a part of the query language. Decision record:
 * {@code docs/decisions/013-20261201-logs-filter-patterns-and-insights.md}.
 */
@NullMarked
package com.example.smsconsole.emulator.logs;

import org.jspecify.annotations.NullMarked;
