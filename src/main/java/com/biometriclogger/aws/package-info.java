@NullMarked
package com.biometriclogger.aws;

import org.jspecify.annotations.NullMarked;
