@NullMarked
package com.biometriclogger.template;

import org.jspecify.annotations.NullMarked;
