/** The verification feature: its service, records and gateway; views live in {@code ui/}. */
@NullMarked
package com.example.smsconsole.verification;

import org.jspecify.annotations.NullMarked;
