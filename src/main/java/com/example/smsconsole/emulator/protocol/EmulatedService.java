package com.example.smsconsole.emulator.protocol;

import java.util.Map;

/** An emulated AWS service: its model and its operations by name. */
public interface EmulatedService {

    ServiceModel model();

    Map<String, Operation> operations();

    /** The exception type that carries input validation failures for this service. */
    AwsFault invalidInput(java.util.List<ModelValidator.Violation> violations);
}
