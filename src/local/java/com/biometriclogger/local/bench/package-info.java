@NullMarked
package com.biometriclogger.local.bench;

import org.jspecify.annotations.NullMarked;
