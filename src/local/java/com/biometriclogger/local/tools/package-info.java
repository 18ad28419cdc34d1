@NullMarked
package com.biometriclogger.local.tools;

import org.jspecify.annotations.NullMarked;
