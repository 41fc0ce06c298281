/** The emulator's own view: the simulated handsets (local profile only). */
@NullMarked
package com.example.smsconsole.emulator.ui;

import org.jspecify.annotations.NullMarked;
