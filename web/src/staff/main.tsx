import { render } from "preact";
import { App } from "./App";
import "../shared/base.css";
import "./staff.css";
import "./work.css";
import "./settings.css";
import "./reports.css";

render(<App />, document.getElementById("app")!);
