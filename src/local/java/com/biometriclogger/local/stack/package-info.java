@NullMarked
package com.biometriclogger.local.stack;

import org.jspecify.annotations.NullMarked;
