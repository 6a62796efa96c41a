/** REST for the OA system and the web console: thin controllers over the modules' services. */
package org.kaohe.api;
