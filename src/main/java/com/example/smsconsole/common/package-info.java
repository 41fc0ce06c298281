/** Small value types shared by the features, such as the E.164 {@link com.example.smsconsole.common.PhoneNumber}. */
@NullMarked
package com.example.smsconsole.common;

import org.jspecify.annotations.NullMarked;
