/** Small UI pieces shared by the views: notifications, status badges, toolbars. */
@NullMarked
package com.example.smsconsole.common.ui;

import org.jspecify.annotations.NullMarked;
