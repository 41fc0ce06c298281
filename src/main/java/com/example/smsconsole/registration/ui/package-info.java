/** Views of the Registrations area; package-private, reached through the menu. */
@NullMarked
package com.example.smsconsole.registration.ui;

import org.jspecify.annotations.NullMarked;
