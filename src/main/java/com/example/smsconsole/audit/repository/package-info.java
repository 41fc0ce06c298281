/** Storage of the audit log (plain JDBC); used only by {@code AuditService}. */
@NullMarked
package com.example.smsconsole.audit.repository;

import org.jspecify.annotations.NullMarked;
