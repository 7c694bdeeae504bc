import { render } from "preact";
import { App } from "./App";
import "../shared/base.css";
import "./staff.css";
import "./work.css";

render(<App />, document.getElementById("app")!);
