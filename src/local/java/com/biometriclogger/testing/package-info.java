@NullMarked
package com.biometriclogger.testing;

import org.jspecify.annotations.NullMarked;
