/** Views of the Test send area; package-private, reached through the menu. */
@NullMarked
package com.example.smsconsole.sending.ui;

import org.jspecify.annotations.NullMarked;
