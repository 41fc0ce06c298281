/** The overview feature: its service, records and gateway; views live in {@code ui/}. */
@NullMarked
package com.example.smsconsole.overview;

import org.jspecify.annotations.NullMarked;
