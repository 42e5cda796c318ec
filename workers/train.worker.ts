/// <reference lib="webworker" />
import type { TrainMethods } from '../src/protocol/train-methods';
import { serve } from '../src/protocol/server';
import { CleanroomDb } from '../src/storage/db';
import { createTrainHandlers } from './train/train-handlers';

serve<TrainMethods>(self, createTrainHandlers(new CleanroomDb()));
