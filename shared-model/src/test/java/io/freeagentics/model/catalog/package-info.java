/** Tests of model lookup by name or file. */
package io.freeagentics.model.catalog;
