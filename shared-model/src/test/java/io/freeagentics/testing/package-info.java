/** Test support shared by the shared-model tests. */
package io.freeagentics.testing;
