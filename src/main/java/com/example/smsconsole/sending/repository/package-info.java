/** Storage of the Test send history. */
@NullMarked
package com.example.smsconsole.sending.repository;

import org.jspecify.annotations.NullMarked;
