/** The registration feature: its service, records and gateway; views live in {@code ui/}. */
@NullMarked
package com.example.smsconsole.registration;

import org.jspecify.annotations.NullMarked;
