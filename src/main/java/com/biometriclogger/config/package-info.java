@NullMarked
package com.biometriclogger.config;

import org.jspecify.annotations.NullMarked;
