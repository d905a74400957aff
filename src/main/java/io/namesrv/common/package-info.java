/**
 * Small things every layer may use: the name-server address list (as Apache's clients resolve
 * it) and the logger names.
 *
 * <p>May import: nothing of ours. It is the bottom of the house.
 */
package io.namesrv.common;
