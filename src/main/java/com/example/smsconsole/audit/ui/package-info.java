/** The audit log view (admins only). */
@NullMarked
package com.example.smsconsole.audit.ui;

import org.jspecify.annotations.NullMarked;
