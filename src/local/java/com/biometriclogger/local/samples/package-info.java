@NullMarked
package com.biometriclogger.local.samples;

import org.jspecify.annotations.NullMarked;
