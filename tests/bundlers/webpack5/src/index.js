// webpack's default entry: both pages' scripts.
import './main.js';
import './web.js';
