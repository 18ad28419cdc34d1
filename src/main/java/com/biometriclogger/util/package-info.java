@NullMarked
package com.biometriclogger.util;

import org.jspecify.annotations.NullMarked;
