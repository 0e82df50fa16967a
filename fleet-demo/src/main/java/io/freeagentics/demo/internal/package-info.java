/** How the fleet demo runs: child processes, the chaos proxy and the accounting of what arrived. */
package io.freeagentics.demo.internal;
