/** Views of the Delivery history area; package-private, reached through the menu. */
@NullMarked
package com.example.smsconsole.deliverylog.ui;

import org.jspecify.annotations.NullMarked;
