"""Background work: page reading and the hall's periodic jobs, on the task queue.

On PostgreSQL the queue is procrastinate (`queue.py`): any number of `onewindow worker`
processes on any machine. On the embedded SQLite database the same work runs in process
(`embedded.py`: the page worker and the scheduler), with every claim in the database.
"""
