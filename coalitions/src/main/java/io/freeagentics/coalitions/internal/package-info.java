/**
 * Implementation of coalition formation: agent slots, the H3 spatial index with cached disks, the sparse pair
 * graph, the merge heap, the agglomeration engine, and the exhaustive optimum used to measure quality. Not API.
 */
package io.freeagentics.coalitions.internal;
