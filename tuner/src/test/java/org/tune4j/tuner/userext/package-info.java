/**
 * Extensions as a library user would write them, outside tune4j's packages and registered only on
 * the test class path (one line each in {@code src/test/resources/META-INF/services}): they show
 * that a new acquisition function, surrogate or initial design needs no edit of tune4j.
 */
package org.tune4j.tuner.userext;
