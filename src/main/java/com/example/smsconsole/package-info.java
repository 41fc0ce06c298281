/**
 * The console's root: the application class, the main layout with its side navigation, and the
 * error handler that turns failures into notifications.
 */
@NullMarked
package com.example.smsconsole;

import org.jspecify.annotations.NullMarked;
