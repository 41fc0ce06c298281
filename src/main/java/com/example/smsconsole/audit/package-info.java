/**
 * The append-only audit log: every action that changes state in AWS (and a few console actions)
 * with who, when, the outcome and the AWS request id. {@link AuditService} is the only way in; there
 * is no update or delete path, and the database refuses both.
 */
@NullMarked
package com.example.smsconsole.audit;

import org.jspecify.annotations.NullMarked;
