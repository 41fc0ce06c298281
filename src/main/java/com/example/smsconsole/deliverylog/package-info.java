/** The deliverylog feature: its service, records and gateway; views live in {@code ui/}. */
@NullMarked
package com.example.smsconsole.deliverylog;

import org.jspecify.annotations.NullMarked;
