/** Finds a model by what a user types: a built-in name ({@code grid:N}, {@code tmaze}) or a model file. */
package io.freeagentics.model.catalog;
