/**
 * AWS client wiring only: properties under {@code app.aws}, the two SDK client beans, and the
 * translation of SDK failures into {@link com.example.smsconsole.aws.AwsCallException}. Feature
 * gateways use these clients; nothing else here knows about features.
 */
@NullMarked
package com.example.smsconsole.aws;

import org.jspecify.annotations.NullMarked;
