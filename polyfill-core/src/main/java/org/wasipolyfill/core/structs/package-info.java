/**
 * The writers of the structs the guest reads (witx typenames.witx), one class each, laid out by
 * {@link org.wasipolyfill.core.abi.Layout} (and {@link org.wasipolyfill.core.abi.UnstableLayout}
 * where snapshot 0 differs). The syscall layer calls them; nothing else writes these bytes.
 */
package org.wasipolyfill.core.structs;
