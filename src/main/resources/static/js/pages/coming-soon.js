// The pages whose endpoints are not on main yet (规则, 申诉, 通报): the frame and a notice only.

import { runPage } from '../shell.js';

runPage(document.body.dataset.page, async () => {});
