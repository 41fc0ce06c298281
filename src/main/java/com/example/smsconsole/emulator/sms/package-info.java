/**
 * The emulated End User Messaging SMS service: registrations and their review, verified
 * destination numbers and codes, sends with delivery receipts, opt-outs, pools, numbers,
 * configuration sets and the account's sandbox limits, plus the simulated handsets.
 */
@NullMarked
package com.example.smsconsole.emulator.sms;

import org.jspecify.annotations.NullMarked;
