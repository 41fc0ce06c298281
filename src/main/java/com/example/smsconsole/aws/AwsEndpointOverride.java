package com.example.smsconsole.aws;

import java.net.URI;

/**
 * Supplies the endpoint of an in-process AWS stand-in. When a bean of this type exists, both SDK
 * clients are built against it; the bean must be listening before it is asked.
 */
@FunctionalInterface
public interface AwsEndpointOverride {

    URI endpoint();
}
