"""Endpoint tester: call a developer's own signature endpoint the way a Web SDK app does, run a contract
matrix against it and diagnose every answer (issue 14).

safety: which addresses the server may call, and the one guarded HTTP request it makes.
codes: the public endpoint_* finding codes. probe: the matrix and its judgement. report: what may be shown
or shared of it. browser: the main request sent from the user's browser, to see CORS as the app sees it.
"""
