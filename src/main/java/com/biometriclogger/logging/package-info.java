@NullMarked
package com.biometriclogger.logging;

import org.jspecify.annotations.NullMarked;
