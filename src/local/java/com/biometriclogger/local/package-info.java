@NullMarked
package com.biometriclogger.local;

import org.jspecify.annotations.NullMarked;
