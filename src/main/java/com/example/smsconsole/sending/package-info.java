/** The sending feature: its service, records and gateway; views live in {@code ui/}. */
@NullMarked
package com.example.smsconsole.sending;

import org.jspecify.annotations.NullMarked;
