@NullMarked
package com.biometriclogger.handler;

import org.jspecify.annotations.NullMarked;
