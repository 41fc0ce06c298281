/** Views of the Overview area; package-private, reached through the menu. */
@NullMarked
package com.example.smsconsole.overview.ui;

import org.jspecify.annotations.NullMarked;
