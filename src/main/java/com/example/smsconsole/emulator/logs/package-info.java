/**
 * The emulated CloudWatch Logs: log groups and streams, PutLogEvents with the service's batch rules,
 * GetLogEvents, and FilterLogEvents with the filter-pattern language (terms, quoted phrases,
 * exclusions, OR terms, regular expressions and JSON patterns), paged by the service's limits.
 */
@NullMarked
package com.example.smsconsole.emulator.logs;

import org.jspecify.annotations.NullMarked;
