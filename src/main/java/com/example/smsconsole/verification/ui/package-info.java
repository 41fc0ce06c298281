/** Views of the Sandbox verification area; package-private, reached through the menu. */
@NullMarked
package com.example.smsconsole.verification.ui;

import org.jspecify.annotations.NullMarked;
