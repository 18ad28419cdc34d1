@NullMarked
package com.biometriclogger;

import org.jspecify.annotations.NullMarked;
