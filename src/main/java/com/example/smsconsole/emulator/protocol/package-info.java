/**
 * The AWS JSON protocol as a server: the botocore service models, input validation against them,
 * SigV4 signature checks, AWS error bodies and the HTTP listener that dispatches on
 * {@code X-Amz-Target}.
 */
@NullMarked
package com.example.smsconsole.emulator.protocol;

import org.jspecify.annotations.NullMarked;
